/** jest globalSetup: regenerates lib/cdktn from lib/cdktf, so tests of the cdktn flavour always run the current sources. */
import { generateCdktn } from '../../projenrc/generate-cdktn';

export default function globalSetup(): void {
  generateCdktn();
}
