// What the tests of every package share: the harness over the real router, the API's test
// configuration, a real SMTP server that keeps what it receives, and the refusal of a call.
export { configureForTests, testApiConfig } from "./config.ts";
export { type Browser, type Harness, useHarness } from "./harness.ts";
export { refusal } from "./refusal.ts";
export { type CapturedMail, type SmtpCapture, startSmtpCapture } from "./smtp-capture.ts";
