/** `rumbo db status|start|stop`: the database server, and the project-local MariaDB (scripts/db-bootstrap.js). */
import { CliCommand, CommandContext, Text } from '../command.types';
import { dbBootstrap } from '../db-bootstrap.adapter';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function status(ctx: CommandContext): Promise<number> {
  const s = await dbBootstrap().databaseStatus();
  const t = (x: Text) => ctx.io.out(ctx.t(x));
  t({
    es: `Servidor: ${s.url} — ${s.reachable ? 'responde' : `no responde (${s.message})`}${s.explicit ? ' (de DATABASE_URL)' : ''}`,
    en: `Server: ${s.url} — ${s.reachable ? 'answers' : `does not answer (${s.message})`}${s.explicit ? ' (from DATABASE_URL)' : ''}`,
  });
  const l = s.local;
  if (l.pid) {
    t({
      es: `MariaDB local del proyecto: corriendo (pid ${l.pid}, 127.0.0.1:${l.port}); datos en ${l.dataDir} (${mb(l.sizeBytes)}); registro ${l.errorLog}.\nSe detiene con «rumbo db stop».`,
      en: `Project-local MariaDB: running (pid ${l.pid}, 127.0.0.1:${l.port}); data in ${l.dataDir} (${mb(l.sizeBytes)}); log ${l.errorLog}.\nStop it with "rumbo db stop".`,
    });
  } else if (l.initialised) {
    t({
      es: `MariaDB local del proyecto: detenida; datos en ${l.dataDir} (${mb(l.sizeBytes)}). «rumbo db start» la inicia; borrar esa carpeta borra sus datos.`,
      en: `Project-local MariaDB: stopped; data in ${l.dataDir} (${mb(l.sizeBytes)}). "rumbo db start" starts it; deleting that folder deletes its data.`,
    });
  } else {
    t({
      es: `MariaDB local del proyecto: no se ha creado (se crea en ${l.dataDir} solo si no hay otro servidor).`,
      en: `Project-local MariaDB: not created (it is created in ${l.dataDir} only when no other server answers).`,
    });
  }
  return s.reachable ? 0 : 1;
}

export const dbCommand: CliCommand = {
  name: 'db',
  summary: {
    es: 'servidor de base de datos: estado, iniciar o detener la MariaDB local del proyecto',
    en: 'database server: status, start or stop the project-local MariaDB',
  },
  usage: ['status|start|stop'],
  details: {
    es:
      'Sin DATABASE_URL, Rumbo usa el servidor de 127.0.0.1:3306 o, si no responde, una MariaDB propia del proyecto\n' +
      '(datos en .data/mariadb, puerto RUMBO_LOCAL_DB_PORT=3307, solo 127.0.0.1) que sigue corriendo hasta «rumbo db stop».',
    en:
      'Without DATABASE_URL, Rumbo uses the server on 127.0.0.1:3306 or, when it does not answer, a project-local MariaDB\n' +
      '(data in .data/mariadb, port RUMBO_LOCAL_DB_PORT=3307, 127.0.0.1 only) that keeps running until "rumbo db stop".',
  },
  subcommands: {
    status: {
      usage: 'status',
      description: {
        es: 'qué servidor se usa, si responde y dónde están los datos (no inicia nada)',
        en: 'which server is used, whether it answers, where the data is (starts nothing)',
      },
    },
    start: {
      usage: 'start',
      description: {
        es: 'asegura un servidor (inicia la MariaDB local si hace falta), crea y migra la base',
        en: 'makes sure a server answers (starts the local MariaDB when needed), creates and migrates the database',
      },
    },
    stop: { usage: 'stop', description: { es: 'detiene la MariaDB local del proyecto', en: 'stops the project-local MariaDB' } },
  },
  minArgs: 1,
  maxArgs: 1,
  run: async (ctx) => {
    switch (ctx.positionals[0]) {
      case 'status':
        return status(ctx);
      case 'start': {
        const db = await ctx.database();
        ctx.io.out(dbBootstrap().redact(db.config.databaseUrl));
        return 0;
      }
      case 'stop':
        await dbBootstrap().stopLocalServer({ log: (m) => ctx.io.out(m) });
        return 0;
      default:
        return ctx.usageError(
          ctx.t({ es: `Subcomando desconocido: «${ctx.positionals[0]}».`, en: `Unknown subcommand: "${ctx.positionals[0]}".` }),
        );
    }
  },
};
