package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.Objects;

/**
 * The USPS business account that pays for and owns labels: CRID, MID, manifest MID and the EPS or
 * PERMIT account, sent in the PAYER and LABEL_OWNER roles of a payment authorization.
 */
public record UspsPaymentAccount(String crid, String mid, String manifestMid, AccountType accountType, String accountNumber) {

  /** How USPS charges the postage. */
  public enum AccountType {
    EPS,
    PERMIT
  }

  public UspsPaymentAccount {
    Objects.requireNonNull(crid, "crid");
    Objects.requireNonNull(mid, "mid");
    Objects.requireNonNull(manifestMid, "manifestMid");
    Objects.requireNonNull(accountType, "accountType");
    Objects.requireNonNull(accountNumber, "accountNumber");
  }
}
