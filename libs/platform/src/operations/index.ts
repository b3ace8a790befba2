export { runOperatorCli, runOperatorJob, OPERATOR_JOBS, type OperatorIo } from './operator-cli';
