package com.ostore.shipping.domain.support;

import java.util.Objects;

/**
 * A credential (client secret, API token). Its {@code toString()} never shows the value, so a config
 * record holding one can be logged safely; only {@link #reveal()} gives it out, at the point of use.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "***";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && value.equals(secret.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
