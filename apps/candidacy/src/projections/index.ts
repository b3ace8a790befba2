import { candidateFiles } from './candidate-files.projection';
import { candidateSpace } from './candidate-space.projection';
import { programmeCatalogue } from './programme-catalogue.projection';
import { programmePipeline } from './programme-pipeline.projection';

export const candidacyProjections = [candidateSpace, candidateFiles, programmeCatalogue, programmePipeline] as const;
export { candidateFiles, candidateSpace, programmeCatalogue, programmePipeline };
export type { CandidateFileEntry, CandidateFilesDocument } from './candidate-files.projection';
export type { CandidateSpaceDocument, TimelineEntry } from './candidate-space.projection';
export type { ProgrammeDocument } from './programme-catalogue.projection';
export type { PipelineDocument, PipelineFile, PipelineStatus } from './programme-pipeline.projection';
