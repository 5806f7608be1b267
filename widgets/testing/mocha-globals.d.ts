// The browser tests run in Mocha (web-test-runner); tsconfig limits global types to Node, so add Mocha's here.
/// <reference types="mocha" />
