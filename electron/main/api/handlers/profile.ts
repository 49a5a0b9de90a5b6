import { getProfile, saveProfile, setLogo } from '../../../../db/profile';
import { LOGO_MAX_BYTES } from '../../../../shared/api/profile';
import { logoProblem } from '../../pdf/images';
import { AppError, found, profileMissing } from '../../errors';
import type { Handlers } from '../handler';

const SIGNATURES: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export const profileHandlers: Handlers<'profile.get' | 'profile.save' | 'profile.setLogo' | 'profile.removeLogo'> = {
  'profile.get': (ctx) => getProfile(ctx.db()),
  'profile.save': (ctx, input) => saveProfile(ctx.db(), input, ctx.now),
  'profile.setLogo': (ctx, { mimeType, dataBase64 }) => {
    const bytes = Buffer.from(dataBase64, 'base64');
    const signature = SIGNATURES[mimeType] ?? [];
    if (bytes.length > LOGO_MAX_BYTES) {
      throw new AppError('VALIDATION', 'The logo must be 1 MB or smaller.', { logo: 'The logo must be 1 MB or smaller' });
    }
    if (!signature.every((byte, i) => bytes[i] === byte)) {
      throw new AppError('VALIDATION', 'The logo must be a PNG or JPEG image.', { logo: 'This file is not a PNG or JPEG image' });
    }
    const problem = logoProblem(mimeType, bytes);
    if (problem) throw new AppError('VALIDATION', `${problem}.`, { logo: problem });
    return found(setLogo(ctx.db(), mimeType, bytes, ctx.now), profileMissing());
  },
  'profile.removeLogo': (ctx) => found(setLogo(ctx.db(), '', null, ctx.now), profileMissing()),
};
