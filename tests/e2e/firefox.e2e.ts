import { launchFirefox } from './firefox';
import { defineExtensionSuite } from './suite';

defineExtensionSuite('firefox', launchFirefox);
