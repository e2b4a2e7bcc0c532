import { everyLanguage } from '../triage/all';
import { createComplaintMachine } from './complaintMachine';

/**
 * The complaint script reading every language, for sites that bundle Heard and run the machine
 * themselves. (The widget makes its own with a vocabulary that grows one language at a time.)
 */
export const complaintMachine = createComplaintMachine(everyLanguage());
