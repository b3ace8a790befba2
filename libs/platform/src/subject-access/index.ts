export { PersonalDataController, personalDataSource } from './personal-data.controller';
export {
  PersonalDataSource,
  type ReadModelHoldings,
  type StreamHoldings,
  type SubjectHoldings,
} from './personal-data.port';
export { SubjectDataDto } from './personal-data.dto';
