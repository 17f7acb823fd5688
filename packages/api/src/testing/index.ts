// What the tests of every package share: the harness over the real router, the API's test
// configuration, a real SMTP server that keeps what it receives, a real S3-protocol server, and the
// refusal of a call.
export { configureForTests, testApiConfig } from "./config.ts";
export { type Browser, type Harness, useHarness } from "./harness.ts";
export { refusal } from "./refusal.ts";
export { type CapturedMail, type SmtpCapture, startSmtpCapture } from "./smtp-capture.ts";
export { type S3Server, startS3Server } from "./s3-server.ts";
