import { cohorts } from './cohorts.projection';
import { partnerCatalogue } from './partner-catalogue.projection';
import { partnerYearPlans } from './partner-places.projection';
import { studentMobility } from './student-mobility.projection';

export * from './academic-year';
export * from './partner-catalogue.projection';
export * from './partner-places.projection';
export * from './student-mobility.projection';
export * from './cohorts.projection';

export const mobilityProjections = [studentMobility, cohorts, partnerYearPlans, partnerCatalogue];
