import type { VatReturn } from './boxes';

/**
 * A return in the body HMRC's MTD VAT API takes (POST /organisations/vat/{vrn}/returns): boxes 1–5
 * in pounds with pence, 6–9 in whole pounds (rules §5.1). `periodKey` is HMRC's code for the
 * obligation, shown in the user's HMRC account; Billable cannot fetch it offline.
 */
export interface MtdReturn {
  periodKey: string;
  vatDueSales: number;
  vatDueAcquisitions: number;
  totalVatDue: number;
  vatReclaimedCurrPeriod: number;
  netVatDue: number;
  totalValueSalesExVAT: number;
  totalValuePurchasesExVAT: number;
  totalValueGoodsSuppliedExVAT: number;
  totalAcquisitionsExVAT: number;
  finalised: boolean;
}

/** Pence as pounds for JSON: integer pence ÷ 100 prints with at most two decimals (12345 → 123.45). */
const pounds = (pence: number) => pence / 100;

/** The MTD body for a return's boxes; `finalised` is the user's declaration that it is complete. */
export function toMtdReturn(boxes: VatReturn['boxes'], periodKey: string, finalised: boolean): MtdReturn {
  return {
    periodKey,
    vatDueSales: pounds(boxes.box1),
    vatDueAcquisitions: pounds(boxes.box2),
    totalVatDue: pounds(boxes.box3),
    vatReclaimedCurrPeriod: pounds(boxes.box4),
    netVatDue: pounds(boxes.box5),
    totalValueSalesExVAT: boxes.box6,
    totalValuePurchasesExVAT: boxes.box7,
    totalValueGoodsSuppliedExVAT: boxes.box8,
    totalAcquisitionsExVAT: boxes.box9,
    finalised,
  };
}
