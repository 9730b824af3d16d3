package com.ostore.shipping.adapter.out.carrier.usps;

import java.util.Objects;

/**
 * The USPS business account that pays for and owns labels: CRID, MID, manifest MID and the EPS account
 * ({@code accountNumber}) or the PERMIT imprint ({@code accountNumber} is the permit number, with the
 * permit's ZIP Code), sent in the PAYER and LABEL_OWNER roles of a payment authorization.
 */
public record UspsPaymentAccount(
    String crid, String mid, String manifestMid, AccountType accountType, String accountNumber, String permitZip) {

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
    if (accountType == AccountType.PERMIT && (permitZip == null || !permitZip.matches("\\d{5}"))) {
      throw new IllegalArgumentException("a PERMIT account needs the permit's five-digit ZIP Code");
    }
  }

  /** An EPS account. */
  public UspsPaymentAccount(String crid, String mid, String manifestMid, AccountType accountType, String accountNumber) {
    this(crid, mid, manifestMid, accountType, accountNumber, null);
  }
}
