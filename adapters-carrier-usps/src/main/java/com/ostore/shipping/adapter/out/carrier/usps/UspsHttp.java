package com.ostore.shipping.adapter.out.carrier.usps;

import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends one request and reads the whole answer. Transport failures (timeouts, refused connections,
 * cut-off bodies) become {@link TransientUspsFailure}s without any request header in the message.
 */
final class UspsHttp {
  /** Far above a label answer (a multipart PDF of a few hundred KiB). */
  static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient client;

  UspsHttp(OkHttpClient client) {
    this.client = client;
  }

  UspsResponse send(String api, Request request) {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : readCapped(body, MAX_RESPONSE_BYTES);
      return new UspsResponse(response.code(), response.header("Content-Type", ""), response.header("Retry-After"), bytes);
    } catch (InterruptedIOException e) {
      throw new TransientUspsFailure("USPS " + api + " timed out", null, e);
    } catch (IOException e) {
      throw new TransientUspsFailure("USPS " + api + " unreachable: " + e.getClass().getSimpleName(), null, e);
    }
  }

  /**
   * The body, or an IOException once it passes {@code cap} bytes: a misbehaving endpoint cannot make
   * the service hold an unbounded answer in memory. At most {@code cap + 1} bytes are ever read.
   */
  static byte[] readCapped(ResponseBody body, long cap) throws IOException {
    BufferedSource source = body.source();
    if (source.request(cap + 1)) {
      throw new IOException("USPS response is larger than " + cap + " bytes");
    }
    return source.getBuffer().readByteArray();
  }
}
