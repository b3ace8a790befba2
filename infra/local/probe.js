'use strict';
// Readiness probes for infra/local/up.sh, run with the repo's node_modules.
//   node probe.js kafka <brokers>  -> metadata request works; prints the topic count
//   node probe.js mongo <url>      -> ping works; prints "<server version> <maxWireVersion>"
// Exit codes: 0 ready, 1 not (yet) ready, 2 ready but unusable (wire version too old).
// One attempt per run with short timeouts: the shell script does the retrying and the deadline.

const MIN_WIRE_VERSION = 9; // the MongoDB Node driver 6/7 refuses servers below this

const out = (line) => process.stdout.write(`${line}\n`);
const err = (line) => process.stderr.write(`${line}\n`);

async function probeKafka(brokers) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'infra-probe',
    brokers: brokers.split(','),
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    out(`${topics.length} topics`);
    return 0;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function probeMongo(url) {
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: 1500,
    connectTimeoutMS: 1000,
  });
  try {
    await client.connect();
    const admin = client.db('admin').admin();
    await admin.command({ ping: 1 });
    const info = await admin.command({ buildInfo: 1 });
    const hello = await admin.command({ hello: 1 });
    const ferret = info.ferretdbVersion ? ` FerretDB ${info.ferretdbVersion}` : '';
    out(`MongoDB ${info.version}${ferret} wire ${hello.maxWireVersion}`);
    if (!(hello.maxWireVersion >= MIN_WIRE_VERSION)) {
      err(`maxWireVersion ${hello.maxWireVersion} < ${MIN_WIRE_VERSION}: too old for the driver`);
      return 2;
    }
    return 0;
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function main() {
  const [kind, target] = process.argv.slice(2);
  const probes = { kafka: probeKafka, mongo: probeMongo };
  if (!probes[kind] || !target) {
    err('usage: probe.js kafka|mongo <brokers|url>');
    return 1;
  }
  return probes[kind](target);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (process.env.PROBE_VERBOSE) err(String(error && error.message));
    process.exit(1);
  },
);
