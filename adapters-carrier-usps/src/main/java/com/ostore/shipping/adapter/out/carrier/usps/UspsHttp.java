package com.ostore.shipping.adapter.out.carrier.usps;

import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one request and reads the whole answer. Transport failures (timeouts, refused connections,
 * cut-off bodies) become {@link TransientUspsFailure}s without any request header in the message.
 */
final class UspsHttp {
  private final OkHttpClient client;

  UspsHttp(OkHttpClient client) {
    this.client = client;
  }

  UspsResponse send(String api, Request request) {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : body.bytes();
      return new UspsResponse(response.code(), response.header("Content-Type", ""), response.header("Retry-After"), bytes);
    } catch (InterruptedIOException e) {
      throw new TransientUspsFailure("USPS " + api + " timed out", null, e);
    } catch (IOException e) {
      throw new TransientUspsFailure("USPS " + api + " unreachable: " + e.getClass().getSimpleName(), null, e);
    }
  }
}
