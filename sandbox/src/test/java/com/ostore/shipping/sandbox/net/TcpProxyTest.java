package com.ostore.shipping.sandbox.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {
  private ServerSocket echoServer;
  private TcpProxy proxy;

  @BeforeEach
  void startEchoServerBehindAProxy() throws IOException {
    echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread echo = new Thread(() -> {
      while (!echoServer.isClosed()) {
        try {
          Socket socket = echoServer.accept();
          Thread each = new Thread(() -> {
            try (socket) {
              socket.getInputStream().transferTo(socket.getOutputStream());
            } catch (IOException e) {
              // the client went away
            }
          });
          each.setDaemon(true);
          each.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    echo.setDaemon(true);
    echo.start();
    proxy = TcpProxy.to("127.0.0.1", echoServer.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echoServer.close();
  }

  @Test
  void bytesGoBothWaysUntilTheLineIsSilencedThenNothingComesBackAndNothingIsClosed() throws IOException {
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      client.setSoTimeout(2_000);
      assertThat(roundTrip(client, "ping")).isEqualTo("ping");
      assertThat(proxy.upstreamPorts()).hasSize(1);

      proxy.silence();
      client.setSoTimeout(300);
      client.getOutputStream().write("lost".getBytes());

      assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> client.getInputStream().read());
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  void aCutEndsTheConnectionAndNewOnesAreRelayedAgain() throws IOException {
    try (Socket first = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      first.setSoTimeout(2_000);
      roundTrip(first, "one");
      proxy.silence();

      proxy.cutAll();

      assertThat(first.getInputStream().read()).isEqualTo(-1);
    }
    try (Socket second = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      second.setSoTimeout(2_000);
      assertThat(roundTrip(second, "two")).isEqualTo("two");
    }
  }

  private static String roundTrip(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes());
    out.flush();
    InputStream in = socket.getInputStream();
    return new String(in.readNBytes(text.length()));
  }
}
