import { describe, expect, it } from "vitest";
import { describeDevice } from "./device.ts";

describe("a session's device in words", () => {
  it("names the browser's major version and the operating system", () => {
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe(
      "Firefox 128 on Windows 10",
    );
    expect(
      describeDevice(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      ),
    ).toMatch(/^Safari 17 on iOS 17/);
  });

  it("says so when the browser did not say what it is", () => {
    expect(describeDevice(null)).toBe("Unknown device");
    expect(describeDevice("vitest")).toBe("Unknown device");
  });
});
