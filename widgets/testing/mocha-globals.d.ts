// The browser tests run in Mocha (web-test-runner); tsconfig.browser.json loads no global types, so add Mocha's here.
/// <reference types="mocha" />
