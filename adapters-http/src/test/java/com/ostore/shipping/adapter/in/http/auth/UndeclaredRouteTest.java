package com.ostore.shipping.adapter.in.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A route someone forgot to give an access role is closed to everyone, not open to everyone. */
class UndeclaredRouteTest {

  @Test
  void aRouteWithoutARoleIsRefusedEvenToACredentialWithEveryScope() throws IOException, InterruptedException {
    String key = ApiKey.generate();
    ApiSecurity security = new ApiSecurity(
        SecurityConfig.apiKeys(List.of(ApiKey.forKey("all", key, EnumSet.allOf(Scope.class)))), Clock.systemUTC());
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      security.install(config.routes);
      config.routes.get("/forgotten", ctx -> ctx.result("should not be served"));
    }).start(0);
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/forgotten"))
              .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).isEqualTo("{\"error\":\"this route is not open to any credential\"}");
    } finally {
      app.stop();
    }
  }
}
