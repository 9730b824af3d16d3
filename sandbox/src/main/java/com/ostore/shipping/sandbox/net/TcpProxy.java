package com.ostore.shipping.sandbox.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 in front of a server, which a test can silence as a network partition
 * would: from then on no byte gets through in either direction and no close is passed on, so both
 * ends keep a connection that is open and dead (a half-open connection). {@link #cutAll()} ends
 * every connection instead, as a reset would.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Set<Integer> upstreamPorts = ConcurrentHashMap.newKeySet();
  private volatile boolean silenced;

  private TcpProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  /** Starts relaying from a free local port to {@code host:port}. */
  public static TcpProxy to(String host, int port) {
    try {
      TcpProxy proxy = new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
          new InetSocketAddress(host, port));
      daemon("tcp-proxy-accept-" + proxy.port(), proxy::acceptLoop).start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the TCP proxy", e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** From now on nothing gets through, on open connections and new ones alike, and nothing is closed. */
  public void silence() {
    silenced = true;
  }

  /**
   * The local ports of the proxy's connections to the server: what the server sees as the client
   * ports of the connections made through this proxy (PostgreSQL's {@code pg_stat_activity.client_port}).
   */
  public Set<Integer> upstreamPorts() {
    return Set.copyOf(upstreamPorts);
  }

  /** Closes every connection at both ends and relays new ones again. */
  public void cutAll() {
    silenced = false;
    for (Socket socket : List.copyOf(sockets)) {
      closeQuietly(socket);
    }
    sockets.clear();
    upstreamPorts.clear();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(target, 5_000);
        sockets.add(client);
        sockets.add(server);
        upstreamPorts.add(server.getLocalPort());
        daemon("tcp-proxy-up-" + client.getPort(), () -> pump(client, server)).start();
        daemon("tcp-proxy-down-" + client.getPort(), () -> pump(server, client)).start();
      } catch (IOException e) {
        // Closed while accepting, or the server refused: the client sees its connection end.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (!silenced) {
          out.write(buffer, 0, read);
          out.flush();
        }
      }
    } catch (IOException e) {
      // One side went away; below the other side is told, unless the line is silenced.
    }
    if (!silenced) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    cutAll();
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}
