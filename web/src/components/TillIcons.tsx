/** The till's pictograms: the yellow till (a drink linked to the till), the label (a product that sold). */
function TillShape() {
  return (
    <>
      <path d="M5 9h14l1.5 10.5a1.5 1.5 0 0 1-1.5 1.5H5a1.5 1.5 0 0 1-1.5-1.5L5 9Z" fill="currentColor" />
      <rect x="7" y="3" width="10" height="5" rx="1" fill="currentColor" opacity="0.75" />
      <rect x="7" y="12" width="2.2" height="1.8" rx="0.4" fill="#fff" opacity="0.85" />
      <rect x="10.9" y="12" width="2.2" height="1.8" rx="0.4" fill="#fff" opacity="0.85" />
      <rect x="14.8" y="12" width="2.2" height="1.8" rx="0.4" fill="#fff" opacity="0.85" />
      <rect x="7" y="15.5" width="10" height="1.8" rx="0.4" fill="#fff" opacity="0.85" />
    </>
  );
}

/** "Lié à la caisse": shown next to a drink linked to at least one till product. */
export function TillLinkedIcon({ label }: { label: string }) {
  return (
    <svg className="till-icon" viewBox="0 0 24 24" width="18" height="18" role="img" aria-label={label}>
      <title>{label}</title>
      <TillShape />
    </svg>
  );
}

/** The golden till, inside the Ventes tab's button (the button carries the accessible name). */
export function GoldenTillIcon() {
  return (
    <svg
      className="till-icon till-icon--gold"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
    >
      <TillShape />
    </svg>
  );
}

/** A small label: this till product has sales (catalogue-only products have none). */
export function SoldIcon({ label }: { label: string }) {
  return (
    <svg className="sold-icon" viewBox="0 0 24 24" width="16" height="16" role="img" aria-label={label}>
      <title>{label}</title>
      <path
        d="M3 4.5A1.5 1.5 0 0 1 4.5 3h6.4a1.5 1.5 0 0 1 1.06.44l8.6 8.6a1.5 1.5 0 0 1 0 2.12l-6.4 6.4a1.5 1.5 0 0 1-2.12 0l-8.6-8.6A1.5 1.5 0 0 1 3 10.9V4.5Zm4.5 1.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z"
        fill="currentColor"
      />
    </svg>
  );
}
