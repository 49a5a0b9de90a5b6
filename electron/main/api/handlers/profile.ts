import { getProfile, saveProfile, setLogo } from '../../../../db/profile';
import { logoProblem } from '../../pdf/images';
import { AppError, found, profileMissing } from '../../errors';
import type { Handlers } from '../handler';

export const profileHandlers: Handlers<'profile.get' | 'profile.save' | 'profile.setLogo' | 'profile.removeLogo'> = {
  'profile.get': (ctx) => getProfile(ctx.db()),
  // The first backup is taken as soon as there is a business to back up (then one a day).
  'profile.save': async (ctx, input) => {
    const profile = saveProfile(ctx.db(), input, ctx.now);
    await ctx.holder.backupIfDue();
    return profile;
  },
  'profile.setLogo': (ctx, { mimeType, dataBase64 }) => {
    const bytes = Buffer.from(dataBase64, 'base64');
    const problem = logoProblem(mimeType, bytes);
    if (problem) throw new AppError('VALIDATION', problem.message, { logo: problem.field });
    return found(setLogo(ctx.db(), mimeType, bytes, ctx.now), profileMissing());
  },
  'profile.removeLogo': (ctx) => found(setLogo(ctx.db(), '', null, ctx.now), profileMissing()),
};
