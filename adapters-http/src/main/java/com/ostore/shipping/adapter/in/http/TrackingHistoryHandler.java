package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.GetTrackingHistoryUseCase;
import com.ostore.shipping.domain.model.ParcelId;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /packages/{packageID}/events?limit=&cursor=}. */
final class TrackingHistoryHandler implements Handler {
  private final GetTrackingHistoryUseCase useCase;

  TrackingHistoryHandler(GetTrackingHistoryUseCase useCase) {
    this.useCase = useCase;
  }

  @Override
  public void handle(Context ctx) {
    ParcelId parcelId = PathIds.packageId(ctx);
    ctx.json(TrackingHistoryResponse.from(parcelId, useCase.trackingHistory(parcelId, PageParameters.of(ctx))));
  }
}
