package com.ostore.shipping.domain.model;

import java.util.regex.Pattern;

/**
 * Who a shipment is addressed to, as the carriers print it on the label: a person's name or a company
 * (at least one), and optionally a phone number and an email address. The limits are the strictest of
 * the carriers' published ones (FedEx: person 70, company 35, phone 10 to 15 digits; USPS: email 50),
 * so a recipient accepted here fits every carrier's label.
 */
public record Recipient(String name, String company, String phone, String email) {
  public static final int MAX_NAME = 70;
  public static final int MAX_COMPANY = 35;
  public static final int MAX_EMAIL = 50;

  /** Letters of any script, digits, spaces and the punctuation names and firms use. */
  private static final Pattern NAME_TEXT = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,'&/#()+-]+");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d{10,15}");
  private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().-]");
  private static final Pattern WHITESPACE_RUNS = Pattern.compile("\\s+");
  // USPS's own Email pattern (domestic-labels.yaml), which FedEx's free text also takes.
  private static final Pattern EMAIL =
      Pattern.compile("[a-zA-Z0-9_+&*-]+(?:\\.[a-zA-Z0-9_+&*-]+)*@(?:[a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}");

  public Recipient {
    name = text("recipient.name", name, MAX_NAME);
    company = text("recipient.company", company, MAX_COMPANY);
    if (name == null && company == null) {
      throw new ValidationException("recipient needs a name or a company");
    }
    phone = phone(phone);
    email = email(email);
  }

  public static Recipient named(String name) {
    return new Recipient(name, null, null, null);
  }

  /** The phone as digits only, without a leading + or the US country code 1 (what US carriers want). */
  public String nationalPhone() {
    if (phone == null) {
      return null;
    }
    String digits = phone.startsWith("+") ? phone.substring(1) : phone;
    return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = foldSpaces(value.strip());
    if (text.length() > max) {
      throw new ValidationException(field + " must be at most " + max + " characters");
    }
    if (!NAME_TEXT.matcher(text).matches()) {
      throw new ValidationException(field + " may hold only letters, digits, spaces and . , ' & / # ( ) + -");
    }
    return text;
  }

  /**
   * Every recipient read back from storage passes through here: when there is nothing to fold (no run of
   * spaces, no other whitespace {@code \s} matches) the regular expression is skipped.
   */
  private static String foldSpaces(String stripped) {
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if ((c == ' ' && i > 0 && stripped.charAt(i - 1) == ' ') || (c != ' ' && c <= ' ' && c >= '\t')) {
        return WHITESPACE_RUNS.matcher(stripped).replaceAll(" ");
      }
    }
    return stripped;
  }

  private static String phone(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String compact = PHONE_SEPARATORS.matcher(value.strip()).replaceAll("");
    if (!PHONE.matcher(compact).matches()) {
      throw new ValidationException("recipient.phone must have 10 to 15 digits");
    }
    return compact;
  }

  private static String email(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() > MAX_EMAIL || !EMAIL.matcher(text).matches()) {
      throw new ValidationException("recipient.email must be an email address of at most " + MAX_EMAIL + " characters");
    }
    return text;
  }
}
