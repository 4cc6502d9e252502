// Deliberately wrong: proves the import-boundary lint fails when shipped SPA code imports the simulator.
import { startSimulator } from '../../../simulator';

export const wrong = startSimulator;
