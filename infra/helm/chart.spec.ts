import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { loadAll } from 'js-yaml';
import { eventSourcing as candidacy } from '../../apps/candidacy/src/event-sourcing';
import { eventSourcing as jury } from '../../apps/jury/src/event-sourcing';
import { eventSourcing as mobility } from '../../apps/mobility/src/event-sourcing';
import { eventSourcing as notification } from '../../apps/notification/src/event-sourcing';
import { eventSourcing as review } from '../../apps/review/src/event-sourcing';
import { TOPICS } from '../../libs/platform/src/event-sourcing/topic-registry';
import type { EventSourcingOptions } from '../../libs/platform/src/event-sourcing/event-sourcing.module';
import { OPERATOR_JOBS } from '../../libs/platform/src/operations';
import { TOPICS_FILE, topicsFileContent } from './topics-file';

// helm comes from infra/helm/tools.sh (npm test runs validate.sh, which installs it, before jest).
const HELM = resolve(__dirname, '../../.local/bin/helm');
const CHART = resolve(__dirname, 'admissions');
if (!existsSync(HELM)) throw new Error(`no helm at ${HELM}: run bash infra/helm/validate.sh (npm test does) first`);
const VALUE_SETS = readdirSync(resolve(CHART, 'ci')).map((file) => basename(file, '.yaml'));

interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly spec?: Record<string, unknown>;
}

interface Container {
  readonly name: string;
  readonly command?: string[];
  readonly args?: string[];
  readonly securityContext?: Record<string, unknown>;
  readonly resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readonly startupProbe?: unknown;
  readonly livenessProbe?: unknown;
  readonly readinessProbe?: unknown;
  readonly env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: unknown } }[];
  readonly lifecycle?: { preStop?: { exec?: { command: string[] } } };
}

interface PodSpec {
  readonly automountServiceAccountToken?: boolean;
  readonly securityContext?: Record<string, unknown>;
  readonly terminationGracePeriodSeconds?: number;
  readonly containers: Container[];
  readonly initContainers?: Container[];
  readonly serviceAccountName?: string;
  readonly topologySpreadConstraints?: { labelSelector: unknown }[];
}

function helm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(HELM, args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function render(valueSet: string, ...extra: string[]): K8sObject[] {
  const output = execFileSync(
    HELM,
    [
      'template',
      'admissions',
      CHART,
      '--namespace',
      'admissions',
      '-f',
      resolve(CHART, 'ci', `${valueSet}.yaml`),
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  // js-yaml refuses a key given twice, as the API server's strict decoding does.
  return loadAll(output).filter((doc): doc is K8sObject => doc !== null && typeof doc === 'object');
}

function podSpecOf(object: K8sObject): PodSpec | undefined {
  if (object.kind !== 'Deployment' && object.kind !== 'Job') return undefined;
  return (object.spec as { template: { spec: PodSpec } }).template.spec;
}

function templateFailure(...args: string[]): string {
  const result = helm(['template', 'admissions', CHART, ...args]);
  expect(result.status).not.toBe(0);
  return result.stderr;
}

describe('topic registry in the chart', () => {
  it('files/topics.json is the registry in code (npm run topics:export writes it)', () => {
    expect(readFileSync(TOPICS_FILE, 'utf8')).toBe(topicsFileContent());
  });

  it('renders one KafkaTopic per topic of the registry, with its settings', () => {
    const topics = render('production-ha').filter((object) => object.kind === 'KafkaTopic');
    expect(topics.map((topic) => topic.spec)).toEqual(
      TOPICS.map(({ name, partitions, replicas, config }) => ({ topicName: name, partitions, replicas, config })),
    );
  });
});

describe('operator jobs in the chart', () => {
  const SERVICES: Record<string, EventSourcingOptions> = { candidacy, review, jury, notification, mobility };
  const jobs = [
    ...render('hardened-gateway'),
    ...render('minimal', '--set', 'jobs.replayDeadLetters.enabled=true'),
  ].filter((object) => object.kind === 'Job');

  it("run a service's ops entry point with a job and arguments its code accepts", () => {
    expect(jobs).toHaveLength(4);
    for (const job of jobs) {
      const [container] = podSpecOf(job)?.containers ?? [];
      const [, service = ''] = /^dist\/apps\/([a-z]+)\/src\/ops\.js$/.exec(container.command?.[1] ?? '') ?? [];
      expect({
        job: job.metadata.name,
        entry: existsSync(resolve(__dirname, '../../apps', service, 'src/ops.ts')),
      }).toEqual({
        job: job.metadata.name,
        entry: true,
      });
      const [name = '', ...args] = container.args ?? [];
      // parse throws on an unknown job, read model, group or a bad position, without a server.
      expect(() => OPERATOR_JOBS[name].parse(args, SERVICES[service])).not.toThrow();
    }
    expect(jobs.map((job) => podSpecOf(job)?.containers[0].args)).toEqual(
      expect.arrayContaining([
        ['replay-dlq', 'notification.jury', '--id', '0b9f1c52-3a1e-4c7e-9d0a-5f2e8c1b7a44'],
        ['replay-dlq', 'jury.admissions-intake', '--all'],
      ]),
    );
  });
});

describe.each(VALUE_SETS)('value set %s', (valueSet) => {
  const objects = render(valueSet);
  const pods = objects.flatMap((object) => {
    const spec = podSpecOf(object);
    return spec ? [{ object, spec }] : [];
  });

  it('hardens every pod and every container', () => {
    expect(pods.length).toBeGreaterThan(0);
    for (const { object, spec } of pods) {
      const where = `${object.kind}/${object.metadata.name}`;
      expect({ where, automount: spec.automountServiceAccountToken }).toEqual({ where, automount: false });
      expect({ where, pod: spec.securityContext }).toMatchObject({
        where,
        pod: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      });
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        const at = `${where} ${container.name}`;
        expect({ at, securityContext: container.securityContext }).toMatchObject({
          at,
          securityContext: {
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
        });
        for (const bound of ['requests', 'limits'] as const) {
          expect({ at, bound, set: Object.keys(container.resources?.[bound] ?? {}).sort() }).toEqual({
            at,
            bound,
            set: ['cpu', 'memory'],
          });
        }
      }
    }
  });

  it('gives every service container its three probes, and time to drain before it is killed', () => {
    for (const { object, spec } of pods.filter(({ object }) => object.kind === 'Deployment')) {
      const [container] = spec.containers;
      const at = `${object.metadata.name}`;
      expect({
        at,
        startup: !!container.startupProbe,
        live: !!container.livenessProbe,
        ready: !!container.readinessProbe,
      }).toEqual({ at, startup: true, live: true, ready: true });
      const pause = Number(container.lifecycle?.preStop?.exec?.command[1]);
      expect(spec.terminationGracePeriodSeconds).toBeGreaterThan(pause + 10);
      expect((object.spec as { strategy: unknown }).strategy).toMatchObject({ rollingUpdate: { maxUnavailable: 0 } });
    }
  });

  it("sends a Service's traffic to its Deployment's pods only", () => {
    const podLabels = pods.map(({ object }) => ({
      owner: `${object.kind}/${object.metadata.name}`,
      labels: (object.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels,
    }));
    for (const service of objects.filter((object) => object.kind === 'Service')) {
      const selector = (service.spec as { selector: Record<string, string> }).selector;
      const selected = podLabels.filter(({ labels }) =>
        Object.entries(selector).every(([key, value]) => labels[key] === value),
      );
      expect(selected.map(({ owner }) => owner)).toEqual([`Deployment/${service.metadata.name}`]);
    }
  });

  it('mounts no service account token and takes secrets only from existing Secrets', () => {
    for (const account of objects.filter((object) => object.kind === 'ServiceAccount')) {
      expect((account as unknown as { automountServiceAccountToken: boolean }).automountServiceAccountToken).toBe(
        false,
      );
    }
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    const secretNames =
      /^(MONGO_URL|REDIS_URL|KEY_STORE_URL|AUTH_JWKS_URL|AUTH_ISSUER|AUTH_AUDIENCE|SMTP_USER|SMTP_PASSWORD|OIDC_ISSUER_URL|OIDC_CLIENT_ID|OIDC_CLIENT_SECRET)$/;
    for (const { spec } of pods) {
      for (const variable of spec.containers.flatMap((container) => container.env ?? [])) {
        if (secretNames.test(variable.name)) expect(variable.valueFrom?.secretKeyRef).toBeDefined();
      }
    }
    for (const config of objects.filter((object) => object.kind === 'ConfigMap')) {
      const keys = Object.keys((config as unknown as { data: Record<string, string> }).data);
      expect(keys.filter((key) => secretNames.test(key))).toEqual([]);
    }
  });
});

describe.each(VALUE_SETS)('the portal in value set %s', (valueSet) => {
  const objects = render(valueSet);
  const named = (kind: string, name: string) =>
    objects.find((object) => object.kind === kind && object.metadata.name.endsWith(`-${name}`));
  const deployment = named('Deployment', 'portal') as K8sObject;
  const portal = podSpecOf(deployment) as PodSpec;
  const [container] = portal.containers;

  it('runs the gateway image, hardened, probed on its health routes and drained, as the services are', () => {
    const jury = podSpecOf(named('Deployment', 'jury') as K8sObject) as PodSpec;
    // What may differ from a service's: names, image, port, settings and resources.
    const shared = ({ containers: [first], serviceAccountName: _, topologySpreadConstraints: __, ...pod }: PodSpec) => {
      const {
        name: _n,
        image: _i,
        ports: _p,
        env: _e,
        envFrom: _f,
        resources: _r,
        ...hardening
      } = first as unknown as Record<string, unknown>;
      return { pod, hardening };
    };
    expect(shared(portal)).toEqual(shared(jury));
    expect((container as unknown as { image: string }).image).toMatch(/\/gateway:[^/]+$/);
    expect(container.livenessProbe).toMatchObject({ httpGet: { path: '/health/live', port: 'http' } });
    expect(container.readinessProbe).toMatchObject({ httpGet: { path: '/health/ready', port: 'http' } });
    const selector = (deployment.spec as { selector: { matchLabels: object } }).selector.matchLabels;
    expect(portal.topologySpreadConstraints?.map((constraint) => constraint.labelSelector)).toEqual([
      { matchLabels: selector },
      { matchLabels: selector },
    ]);
  });

  it('takes REDIS_URL and its OIDC client only from existing Secrets, and finds the services at their Services', () => {
    const variables = Object.fromEntries((container.env ?? []).map((variable) => [variable.name, variable]));
    expect(Object.keys(variables).sort()).toEqual([
      'OIDC_AUDIENCE',
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'OIDC_ISSUER_URL',
      'REDIS_URL',
    ]);
    for (const variable of Object.values(variables)) {
      expect({ name: variable.name, value: variable.value, ref: !!variable.valueFrom?.secretKeyRef }).toEqual({
        name: variable.name,
        value: undefined,
        ref: true,
      });
    }
    // The audience asked for is, by construction, the one the services verify.
    const juryEnv = podSpecOf(named('Deployment', 'jury') as K8sObject)?.containers[0].env ?? [];
    expect(variables.OIDC_AUDIENCE.valueFrom).toEqual(
      juryEnv.find((variable) => variable.name === 'AUTH_AUDIENCE')?.valueFrom,
    );
    const data = (named('ConfigMap', 'portal') as unknown as { data: Record<string, string> }).data;
    for (const service of objects.filter(
      (object) => object.kind === 'Service' && object.metadata.labels?.['app.kubernetes.io/component'] === 'service',
    )) {
      const name = service.metadata.labels?.['app.kubernetes.io/name'] ?? '';
      const [{ port }] = (service.spec as { ports: { port: number }[] }).ports;
      expect(data[`${name.toUpperCase()}_URL`]).toBe(`http://${service.metadata.name}:${port}`);
    }
    expect(data.PUBLIC_URL).toMatch(/^https:\/\//);
    // The ingress in front is believed as by the services, so the browser's address reaches them.
    const jury = (named('ConfigMap', 'jury') as unknown as { data: Record<string, string> }).data;
    expect(data.TRUSTED_PROXY_HOPS).toMatch(/^\d+$/);
    expect(data.TRUSTED_PROXY_HOPS).toBe(jury.TRUSTED_PROXY_HOPS);
  });

  it('has its Service, ServiceAccount and disruption budget', () => {
    for (const kind of ['Service', 'ServiceAccount', 'PodDisruptionBudget', 'ConfigMap']) {
      expect({ kind, found: !!named(kind, 'portal') }).toEqual({ kind, found: true });
    }
  });

  it('is admitted by the services, and reaches them, Redis and the identity provider only', () => {
    const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
    const portalPolicy = named('NetworkPolicy', 'portal') as K8sObject;
    const servicesPolicy = policies.find((policy) => policy !== portalPolicy) as K8sObject;
    const podLabels = (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template
      .metadata.labels;
    const sources = (servicesPolicy.spec as { ingress: { from: { podSelector?: { matchLabels: object } }[] }[] })
      .ingress[0].from;
    expect(sources).toContainEqual({
      podSelector: {
        matchLabels: {
          'app.kubernetes.io/name': podLabels['app.kubernetes.io/name'],
          'app.kubernetes.io/instance': podLabels['app.kubernetes.io/instance'],
        },
      },
    });
    // The services' policy does not select the portal's pods: the portal's own one does.
    expect((servicesPolicy.spec as { podSelector: unknown }).podSelector).toMatchObject({
      matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'NotIn', values: ['portal'] }],
    });
    expect(podLabels['app.kubernetes.io/component']).toBe('portal');
    const egress = (portalPolicy.spec as { egress: { ports: { port: number }[] }[] }).egress;
    const servicePorts = objects
      .filter(
        (object) => object.kind === 'Service' && object.metadata.labels?.['app.kubernetes.io/component'] === 'service',
      )
      .map((service) => (service.spec as { ports: { port: number }[] }).ports[0].port)
      .sort();
    expect(egress).toHaveLength(4);
    expect(egress[1].ports.map(({ port }) => port).sort()).toEqual(servicePorts);
  });
});

describe('the portal’s route', () => {
  const routeOf = (objects: K8sObject[]) =>
    objects.filter(
      (object) => ['Ingress', 'HTTPRoute'].includes(object.kind) && object.metadata.name.endsWith('-portal'),
    );

  it('sends / of the public host to the portal in Ingress mode, beside the services’ API hosts', () => {
    const objects = render('production-ha');
    const [ingress] = routeOf(objects);
    expect(ingress.spec).toMatchObject({
      rules: [
        {
          host: 'admissions.example.org',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'admissions-portal' } } }] },
        },
      ],
    });
    const hosts = objects
      .filter((object) => object.kind === 'Ingress')
      .flatMap((object) => (object.spec as { rules: { host: string }[] }).rules.map(({ host }) => host));
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(hosts).toContain('jury.admissions.example.org');
  });

  it('sends / of publicUrl’s host to the portal in Gateway API mode', () => {
    const [route] = routeOf(render('hardened-gateway'));
    expect(route.spec).toMatchObject({
      hostnames: ['portal.admissions.example.org'],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'adm-portal', port: 3000 }] },
      ],
    });
  });

  it('renders nothing of the portal when it is disabled', () => {
    const objects = render('production-ha', '--set', 'portal.enabled=false');
    expect(objects.filter((object) => object.metadata.name.endsWith('-portal'))).toEqual([]);
  });
});

describe('the key store of the persons’ data keys', () => {
  const serviceEnv = (...extra: string[]) =>
    render('minimal', ...extra)
      .filter(
        (object) =>
          object.kind === 'Deployment' && object.metadata.labels?.['app.kubernetes.io/component'] === 'service',
      )
      .map((deployment) => podSpecOf(deployment)?.containers[0].env ?? []);

  it('takes KEY_STORE_URL from its own Secret when one is named, in every service; its database from the ConfigMap', () => {
    const named = serviceEnv('--set', 'keyStore.existingSecret.name=admissions-keys');
    expect(named.length).toBeGreaterThan(0);
    for (const variables of named) {
      expect(variables.find((variable) => variable.name === 'KEY_STORE_URL')?.valueFrom?.secretKeyRef).toEqual({
        name: 'admissions-keys',
        key: 'key-store-url',
      });
    }
    for (const variables of serviceEnv()) expect(variables.map(({ name }) => name)).not.toContain('KEY_STORE_URL');
    for (const config of render('minimal').filter(
      (object) => object.kind === 'ConfigMap' && object.metadata.labels?.['app.kubernetes.io/component'] === 'service',
    )) {
      expect((config as unknown as { data: Record<string, string> }).data.KEY_STORE_DB).toBe('admissions_keys');
    }
  });
});

describe('values that are wrong fail with the value named', () => {
  const minimal = ['-f', resolve(CHART, 'ci/minimal.yaml')];

  it('a replica count of 0 with a disruption budget', () => {
    expect(templateFailure(...minimal, '--set', 'services.jury.replicas=0')).toContain(
      "at '/services/jury/replicas': minimum: got 0, want 2",
    );
  });

  it("the portal's OIDC Secret missing while the portal is enabled", () => {
    expect(templateFailure(...minimal, '--set', 'portal.oidc.existingSecret.name=')).toContain(
      "at '/portal/oidc/existingSecret/name': minLength: got 0, want 1",
    );
  });

  it('a missing existing Secret name', () => {
    expect(templateFailure('--set', 'redis.existingSecret.name=r', '--set', 'auth.existingSecret.name=a')).toContain(
      "at '/mongodb/existingSecret/name': minLength: got 0, want 1",
    );
  });

  it('an unknown service key', () => {
    expect(templateFailure(...minimal, '--set', 'services.payments.enabled=true')).toContain(
      "at '/services': additional properties 'payments' not allowed",
    );
  });

  it('a secret given as a plain setting', () => {
    expect(templateFailure(...minimal, '--set', 'services.review.env.MONGO_URL=mongodb://u:p@db/')).toContain(
      "at '/services/review/env/MONGO_URL': false schema",
    );
  });

  it('helm lint --strict refuses them too', () => {
    const result = helm(['lint', '--strict', CHART, ...minimal, '--set', 'services.jury.replicas=0']);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('/services/jury/replicas');
  });

  it('an operator job for a service that is not deployed', () => {
    expect(
      templateFailure(
        ...minimal,
        '--set',
        'services.mobility.enabled=false',
        '--set',
        'jobs.rebuildReadModel.enabled=true',
        '--set',
        'jobs.rebuildReadModel.service=mobility',
        '--set',
        'jobs.rebuildReadModel.readModel=rm_partners',
      ),
    ).toContain('services.mobility.enabled is false');
  });
});
