import { Module } from '@nestjs/common';
import { StartupSteps } from './startup-steps';

@Module({ providers: [StartupSteps], exports: [StartupSteps] })
export class StartupModule {}
