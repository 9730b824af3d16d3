package com.ostore.shipping.bootstrap.config;

import com.ostore.shipping.adapter.out.carrier.fedex.FedexConfig;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexCredentials;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexResilienceSettings;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexShipmentDefaults;
import com.ostore.shipping.adapter.out.carrier.fedex.FedexShipper;
import com.ostore.shipping.adapter.out.carrier.usps.UspsConfig;
import com.ostore.shipping.adapter.out.carrier.usps.UspsLabelDefaults;
import com.ostore.shipping.adapter.out.carrier.usps.UspsPaymentAccount;
import com.ostore.shipping.adapter.out.carrier.usps.UspsRateLimits;
import com.ostore.shipping.adapter.out.carrier.usps.UspsSender;
import com.ostore.shipping.domain.model.Dimensions;
import com.ostore.shipping.domain.model.LabelFormat;
import com.ostore.shipping.domain.model.PostalAddress;
import com.ostore.shipping.domain.support.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** Maps the FEDEX_* and USPS_* variables (plus the shared SHIPPER_* ones) into each carrier's config. */
final class CarrierSettings {
  private static final Secret MISSING = Secret.of("");

  private final EnvReader env;
  private final Clock clock;
  private final LabelFormat labelFormat;
  private final Dimensions defaultDimensions;

  CarrierSettings(EnvReader env, Clock clock, LabelFormat labelFormat, Dimensions defaultDimensions) {
    this.env = env;
    this.clock = clock;
    this.labelFormat = labelFormat;
    this.defaultDimensions = defaultDimensions;
  }

  /** Printed as the addressee of a shipment that names no recipient (carriers refuse a label without one). */
  private String recipientFallbackName() {
    return env.string("RECIPIENT_FALLBACK_NAME", "OStore Customer");
  }

  /** The phone FedEx gets for a recipient without one (FedEx requires it): the shipper's by default. */
  private String recipientFallbackPhone() {
    return digits(env.string("RECIPIENT_FALLBACK_PHONE", env.string("SHIPPER_PHONE", "0000000000")));
  }

  private static String digits(String phone) {
    String digits = phone.replaceAll("\\D", "");
    return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
  }

  FedexConfig fedex(PostalAddress shipFrom) {
    String clientId = env.required("FEDEX_CLIENT_ID", "the FedEx project's API key");
    Secret secret = requiredSecret("FEDEX_CLIENT_SECRET", "the FedEx project's secret key");
    Secret account = requiredSecret("FEDEX_ACCOUNT_NUMBER", "the FedEx shipping account");
    FedexShipper shipper = new FedexShipper(env.string("SHIPPER_NAME", "OStore Shipping"),
        env.string("SHIPPER_COMPANY", "OStore"), digits(env.string("SHIPPER_PHONE", "0000000000")), shipFrom);
    FedexShipmentDefaults standard = FedexShipmentDefaults.standard();
    FedexShipmentDefaults defaults = new FedexShipmentDefaults(env.string("FEDEX_SERVICE_TYPE", standard.serviceType()),
        labelFormat, standard.labelStockType(), env.string("FEDEX_PACKAGING_TYPE", standard.packagingType()),
        env.string("FEDEX_PICKUP_TYPE", standard.pickupType()), recipientFallbackName(), recipientFallbackPhone(),
        standard.reconciliationLookback());
    FedexResilienceSettings standardResilience = FedexResilienceSettings.standard();
    FedexResilienceSettings resilience = new FedexResilienceSettings(standardResilience.connectTimeout(),
        standardResilience.readTimeout(), env.duration("FEDEX_CALL_TIMEOUT", standardResilience.callTimeout()),
        standardResilience.maxAttempts(), standardResilience.backoffBase(), standardResilience.backoffMax(),
        standardResilience.jitter(), standardResilience.maxRetryAfter(), standardResilience.breakerFailures(),
        standardResilience.breakerWindow(), standardResilience.breakerDelay(),
        env.integer("FEDEX_RATE_LIMIT_CALLS", standardResilience.rateLimitCalls(), 1, 1_000_000),
        env.duration("FEDEX_RATE_LIMIT_PERIOD", standardResilience.rateLimitPeriod()),
        standardResilience.rateLimitMaxWait(), standardResilience.tokenRefreshMargin());
    FedexConfig config = FedexConfig.defaults(env.string("FEDEX_BASE_URL", FedexConfig.SANDBOX_URL), clientId, secret,
        account, shipper).withShipmentDefaults(defaults).withResilience(resilience).withClock(clock);
    return env.optional("FEDEX_TRACK_CLIENT_ID")
        .map(id -> config.withTrackCredentials(new FedexCredentials(id,
            requiredSecret("FEDEX_TRACK_CLIENT_SECRET", "set with FEDEX_TRACK_CLIENT_ID"))))
        .orElse(config);
  }

  UspsConfig usps(PostalAddress shipFrom) {
    String clientId = env.required("USPS_CLIENT_ID", "the USPS app's consumer key");
    Secret secret = requiredSecret("USPS_CLIENT_SECRET", "the USPS app's consumer secret");
    UspsPaymentAccount account = new UspsPaymentAccount(env.required("USPS_CRID", "the USPS customer registration id"),
        env.required("USPS_MID", "the USPS mailer id"), env.string("USPS_MANIFEST_MID", env.string("USPS_MID", "")),
        env.parsed("USPS_ACCOUNT_TYPE", "EPS", v -> UspsPaymentAccount.AccountType.valueOf(v.toUpperCase(Locale.ROOT))),
        env.required("USPS_ACCOUNT_NUMBER", "the EPS account or the permit number that pays postage"),
        env.optional("USPS_PERMIT_ZIP").orElse(null));
    UspsSender sender = new UspsSender(env.string("SHIPPER_NAME", "OStore Shipping"), env.string("SHIPPER_COMPANY", "OStore"),
        shipFrom.streetLines().get(0), shipFrom.city(), String.valueOf(shipFrom.stateOrProvince()),
        String.valueOf(shipFrom.postalCode()), null);
    UspsLabelDefaults standard = UspsLabelDefaults.groundAdvantage();
    UspsLabelDefaults labels = new UspsLabelDefaults(env.string("USPS_MAIL_CLASS", standard.mailClass()),
        env.string("USPS_RATE_INDICATOR", standard.rateIndicator()),
        env.string("USPS_PROCESSING_CATEGORY", standard.processingCategory()), labelFormat, standard.labelType(),
        defaultDimensions, recipientFallbackName(), standard.jsonResponse());
    int perPeriod = env.integer("USPS_RATE_LIMIT_CALLS", 60, 1, 1_000_000);
    UspsRateLimits limits = new UspsRateLimits(perPeriod, perPeriod, perPeriod,
        env.duration("USPS_RATE_LIMIT_PERIOD", Duration.ofHours(1)), Duration.ofSeconds(1));
    return UspsConfig.defaults(env.string("USPS_BASE_URL", UspsConfig.TEM_BASE_URL), clientId, secret, account, sender)
        .withLabelDefaults(labels).withRateLimits(limits).withClock(clock);
  }

  private Secret requiredSecret(String name, String why) {
    return env.secret(name).orElseGet(() -> {
      env.required(name, why + "; or " + name + "_FILE");
      return MISSING;
    });
  }
}
