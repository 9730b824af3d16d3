package com.ostore.shipping.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.ostore.shipping.adapter.in.http.auth.ApiSecurity;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A request Jetty refuses before routing (here a NUL in the path) is answered in JSON and with
 * {@code Connection: close}, since Jetty drops that connection: a client that pools connections must not
 * send its next request, a POST it cannot safely repeat, down a socket that is already gone.
 */
class JettyRefusalTest {

  @Test
  void afterJettyRefusesARequestTheClientsNextPostStillGetsAnAnswer() throws Exception {
    FakeShipping shipping = new FakeShipping();
    Javalin app = HttpApi.create(HttpConfig.onPort(0), shipping.useCases(),
        new ApiSecurity(ApiClient.TEST_SECURITY, Clock.systemUTC())).start(0);
    HttpClient http = HttpClient.newHttpClient();
    try {
      HttpResponse<String> refused = http.send(post(app, "/shipments/%00/cancel"), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> next = http.send(post(app, "/shipments/1/cancel"), HttpResponse.BodyHandlers.ofString());

      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(refused.headers().firstValue("Connection")).hasValue("close");
      assertThat(refused.body()).startsWith("{\"error\":");
      assertThat(next.statusCode()).isEqualTo(404);
    } finally {
      app.stop();
    }
  }

  private static HttpRequest post(Javalin app, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + ApiClient.FULL_ACCESS_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
  }
}
