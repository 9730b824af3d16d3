package com.ostore.shipping.adapter.in.http;

import com.ostore.shipping.application.port.in.GetLabelUseCase;
import com.ostore.shipping.domain.model.Label;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /packages/{packageID}/label}: the label bytes in their own media type. */
final class LabelHandler implements Handler {
  private final GetLabelUseCase useCase;

  LabelHandler(GetLabelUseCase useCase) {
    this.useCase = useCase;
  }

  @Override
  public void handle(Context ctx) {
    Label label = useCase.label(PathIds.packageId(ctx));
    ctx.contentType(label.format().mediaType()).result(label.content());
  }
}
