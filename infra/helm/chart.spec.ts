import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { loadAll } from 'js-yaml';
import { TOPICS } from '../../libs/platform/src/event-sourcing/topic-registry';
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
    const secretNames = /^(MONGO_URL|REDIS_URL|AUTH_JWKS_URL|AUTH_ISSUER|AUTH_AUDIENCE|SMTP_USER|SMTP_PASSWORD)$/;
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

describe('values that are wrong fail with the value named', () => {
  const minimal = ['-f', resolve(CHART, 'ci/minimal.yaml')];

  it('a replica count of 0 with a disruption budget', () => {
    expect(templateFailure(...minimal, '--set', 'services.jury.replicas=0')).toContain(
      "at '/services/jury/replicas': minimum: got 0, want 2",
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
