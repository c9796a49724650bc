import { Client } from "pg";
const c = new Client({ connectionString: "postgresql://postgres:password@localhost:54403/postgres" });
await c.connect().catch(async () => {});
console.log((await c.query('select ip, succeeded, count(*) from "SignInAttempt" group by 1,2')).rows);
await c.end();
