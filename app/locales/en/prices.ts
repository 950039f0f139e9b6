export const prices = {
  band: {
    title: "Reference price",
    reference: "Reference price: median {{medianLak}}/kg (range {{min}}–{{maxLak}}/kg, {{observations}}, last {{days}} days, {{scope}})",
    noReference: "No reference price for this crop in the last {{days}} days.",
    observationsOne: "1 price",
    observationsMany: "{{count}} prices",
    agreed: "Agreed on the portal: median {{medianLak}}/kg (range {{min}}–{{maxLak}}/kg, {{offers}}, {{scope}})",
    noAgreed: "No price agreed on the portal for this crop in the last {{days}} days ({{scope}}).",
    offersOne: "1 accepted offer",
    offersMany: "{{count}} accepted offers",
    widened: "Fewer than {{min}} prices in {{district}} district: the band covers a wider area.",
    scope: {
      district: "{{name}} district",
      province: "{{name}} province",
      all: "all programme districts",
    },
  },
  distance: {
    askingAbove: "The asking price of {{priceLak}}/kg is {{percent}} above the median ({{diffLak}}/kg more).",
    askingBelow: "The asking price of {{priceLak}}/kg is {{percent}} below the median ({{diffLak}}/kg less).",
    askingEqual: "The asking price of {{priceLak}}/kg equals the median.",
    offerAbove: "This price of {{priceLak}}/kg is {{percent}} above the median ({{diffLak}}/kg more).",
    offerBelow: "This price of {{priceLak}}/kg is {{percent}} below the median ({{diffLak}}/kg less).",
    offerEqual: "This price of {{priceLak}}/kg equals the median.",
  },
  arithmetic: {
    caption: "How this figure is worked out",
    step: "Step",
    figure: "Figure",
  },
  lines: {
    quantity: "Quantity offered",
    noDeduction: "No moisture deduction: a lot at the expected moisture of {{expectedPermille}} is within the offer's basis of {{basisPermille}}",
    deductionBand:
      "Moisture {{fromPermille}} to {{toPermille}}: {{pointsTenths}} points × {{kgPerTonnePerPoint}} kg per tonne = {{kgPerTonneTenths}} kg per tonne",
    deductionAboveTable:
      "Moisture {{fromPermille}} to {{toPermille}}, above the deduction table (the lot may be refused): {{pointsTenths}} points × {{kgPerTonnePerPoint}} kg per tonne = {{kgPerTonneTenths}} kg per tonne",
    deduction:
      "Moisture deduction: a lot at the expected moisture of {{expectedPermille}} on the offer's basis of {{basisPermille}} loses {{kgPerTonneTenths}} kg per tonne of {{quantityKg}}",
    netKg: "Net weight paid for: {{quantityKg}} − {{deductedKg}}",
    value: "Value: {{netKg}} × {{priceLak}}/kg",
    valueAtFloor: "Value at the guaranteed floor price: {{netKg}} × {{priceLak}}/kg",
    content: {
      drc: "Dry rubber content: at the {{expectedPermille}} you expect against the offer's basis of {{basisPermille}}, {{stepLak}}/kg a point, on {{netKg}}",
      starch: "Starch: at the {{expectedPermille}} you expect against the offer's basis of {{basisPermille}}, {{stepLak}}/kg a point, on {{netKg}}",
    },
    transportFo: "Transport, paid by the farmers' organisation",
    transportTrader: "Transport, paid by the trader",
    bagsFo: "Bags, paid by the farmers' organisation",
    bagsTrader: "Bags, paid by the trader",
    waitingNone: "Paid on delivery: no cost of waiting",
    waitingAdvanceCovers: "The advance of {{advanceLak}} covers the amount due of {{amountDueLak}}: no cost of waiting",
    waiting:
      "Cost of waiting for payment: ({{amountDueLak}} − advance {{advanceLak}}) = {{balanceLak}} × {{monthlyRatePermille}} a month × {{paymentDays}} days ÷ 30",
    inputInterest:
      "Interest on the inputs advanced on credit: {{inputValueLak}} × {{ratePermille}} a month × {{days}} days (from these terms to the delivery date) ÷ 30",
    inputNoInterest: "Inputs of {{inputValueLak}} advanced on credit without interest: repaid at their value, no cost",
    net: "Net to the farmers' organisation",
    effective: "Effective price: {{netLak}} ÷ {{quantityKg}} = {{effectiveLak}}/kg",
  },
} as const;
