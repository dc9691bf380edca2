import { describe, expect, it } from "vitest";
import { ConfigError, defaultReadThreads, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("gives working defaults on an empty environment", () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.HOSO_DEMO).toBe(true);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.HOSO_RECEIVER_IDS).toEqual(["TDLBYT", "emrhub", "TTYQG"]);
  });

  it("reports every problem at once", () => {
    try {
      loadConfig({ PORT: "abc", HOSO_DEMO: "maybe", DATABASE_URL: "not a url" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join("\n");
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/HOSO_DEMO/);
      expect(problems).toMatch(/DATABASE_URL/);
    }
  });

  it("refuses several hub processes on PGlite, which lives inside one process", () => {
    expect(() => loadConfig({ HOSO_PROCESSES: "2" })).toThrow(/HOSO_PROCESSES/);
    expect(loadConfig({ HOSO_PROCESSES: "2", DATABASE_URL: "postgres://h/db" }).HOSO_PROCESSES).toBe(2);
  });

  it("reads on threads where there are cores to spare, shared among the hub processes", () => {
    // PostgreSQL on the same machine takes its share of the cores.
    expect([1, 2].map((cores) => defaultReadThreads(cores, 1, false))).toEqual([0, 0]);
    expect([4, 8, 32].map((cores) => defaultReadThreads(cores, 1, false))).toEqual([2, 4, 4]);
    expect(defaultReadThreads(8, 2, false)).toBe(3);
    expect(defaultReadThreads(8, 8, false)).toBe(0);
    // PGlite runs inside the hub's thread: the second core is the reader's.
    expect([1, 2, 4, 16].map((cores) => defaultReadThreads(cores, 1, true))).toEqual([0, 1, 3, 4]);
    expect(loadConfig({ HOSO_READ_THREADS: "3" }).HOSO_READ_THREADS).toBe(3);
    expect(loadConfig({ HOSO_READ_THREADS: "0" }).HOSO_READ_THREADS).toBe(0);
  });
});
