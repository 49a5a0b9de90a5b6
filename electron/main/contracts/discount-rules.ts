import type { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/client';
import { discountRuleNameTaken, discountRuleUse, getDiscountRule, listDiscountRules, saveDiscountRule, setDiscountRuleArchived } from '../../../db/discount-rules';
import type { DiscountRuleView, discountRuleInput } from '../../../shared/api/rate-cards';
import { AppError, found } from '../errors';

/** Every discount rule with its tiers and how many contract versions chose it. */
export function discountRuleViews(db: DbOrTx): DiscountRuleView[] {
  const use = discountRuleUse(db);
  return listDiscountRules(db).map(({ archivedAt, ...rule }) => ({ ...rule, archived: archivedAt !== null, usedBy: use.get(rule.id) ?? 0 }));
}

function view(db: DbOrTx, id: number): DiscountRuleView {
  return found(
    discountRuleViews(db).find((r) => r.id === id),
    'This discount rule',
  );
}

/**
 * Adds a rule (id null) or changes its name and tiers. Contracts already signed keep the percent
 * and reason they resolved. Throws NOT_FOUND, VALIDATION on `name` when another rule has it.
 */
export function saveDiscount(db: Db, input: z.output<typeof discountRuleInput>, now: string): DiscountRuleView {
  return db.transaction((tx) => {
    if (input.id !== null) found(getDiscountRule(tx, input.id), 'This discount rule');
    if (discountRuleNameTaken(tx, input.name, input.id)) throw new AppError('VALIDATION', 'A discount rule with this name already exists.', { name: 'Already used by another discount rule' });
    const tiers = [...input.tiers].sort((a, b) => a.fromMonths - b.fromMonths);
    return view(tx, saveDiscountRule(tx, { id: input.id, name: input.name, tiers }, now));
  });
}

/** Archives a rule (new contracts no longer offer it) or brings it back. Throws NOT_FOUND. */
export function archiveDiscount(db: Db, id: number, archived: boolean, now: string): DiscountRuleView {
  return db.transaction((tx) => {
    const rule = found(getDiscountRule(tx, id), 'This discount rule');
    setDiscountRuleArchived(tx, id, archived ? (rule.archivedAt ?? now) : null, now);
    return view(tx, id);
  });
}
