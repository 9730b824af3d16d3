package com.ostore.shipping.sandbox.contract;

/** The carriers whose published API documents are vendored under {@code carrier-contracts/}. */
public enum Carrier {
  FEDEX,
  USPS
}
