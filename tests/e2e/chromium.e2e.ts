import { launchChromium } from './chromium';
import { defineExtensionSuite } from './suite';

defineExtensionSuite('chromium', launchChromium);
