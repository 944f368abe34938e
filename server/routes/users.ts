// User management, for admins only: list, add, disable or enable, change role, reset a password.
// Disabling a user or resetting their password ends all their sessions at once.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody } from '../http/parse.ts';
import { requireAdmin, type AuthEnv } from '../auth/middleware.ts';
import { newPasswordSchema, roleSchema, usernameSchema } from '../auth/credentials.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createUser, findUser, findUserByUsername, listUsers, publicUser, updateUser } from '../db/users.ts';
import { deleteUserSessions } from '../db/sessions.ts';
import { notFound } from '../auth/access.ts';

const newUser = z.strictObject({ username: usernameSchema, password: newPasswordSchema, role: roleSchema.default('evaluator') });
const change = z.strictObject({ disabled: z.boolean().optional(), role: roleSchema.optional() });
const passwordReset = z.strictObject({ password: newPasswordSchema });

export function userRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/api/users', requireAdmin());
  app.use('/api/users/*', requireAdmin());
  const db = ctx.db.db;

  app.get('/api/users', async (c) => c.json({ users: (await listUsers(db)).map(publicUser) }));

  app.post('/api/users', async (c) => {
    const body = await jsonBody(c, newUser);
    if (await findUserByUsername(db, body.username)) throw usernameTaken();
    const passwordHash = await hashPassword(body.password);
    try {
      const id = await createUser(db, { username: body.username, passwordHash, role: body.role, now: ctx.now().toISOString() });
      return c.json({ id }, 201);
    } catch (error) {
      // Two admins adding the same name at once: the unique index decides.
      if (await findUserByUsername(db, body.username)) throw usernameTaken();
      throw error;
    }
  });

  app.get('/api/users/:id', async (c) => {
    const user = await findUser(db, c.req.param('id'));
    if (!user) throw notFound('user');
    return c.json({ user: publicUser(user) });
  });

  app.patch('/api/users/:id', async (c) => {
    const body = await jsonBody(c, change);
    const id = c.req.param('id');
    // An admin cannot lock themselves out; another admin can.
    if (id === c.var.user.id && (body.disabled === true || body.role === 'evaluator')) {
      throw new ApiError(409, 'self_lockout', 'you cannot disable yourself or give up your own admin role');
    }
    if (!(await updateUser(db, id, body))) throw notFound('user');
    if (body.disabled === true) await deleteUserSessions(db, id);
    return c.json({ user: publicUser((await findUser(db, id))!) });
  });

  app.put('/api/users/:id/password', async (c) => {
    const { password } = await jsonBody(c, passwordReset);
    const id = c.req.param('id');
    if (!(await updateUser(db, id, { passwordHash: await hashPassword(password) }))) throw notFound('user');
    await deleteUserSessions(db, id);
    return c.body(null, 204);
  });

  return app;
}

function usernameTaken(): ApiError {
  return new ApiError(409, 'username_taken', 'username: already taken', [{ field: 'username', code: 'taken', message: 'username: already taken' }]);
}
