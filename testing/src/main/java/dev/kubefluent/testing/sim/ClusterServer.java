package dev.kubefluent.testing.sim;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.KeyCertOptions;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulated API server's listening socket: a Vert.x HTTP server on loopback and a free port, HTTP/1.1 (and HTTP/2
 * through ALPN over TLS), with the Kubernetes WebSocket sub-protocols for exec and attach.
 *
 * <p>Over HTTPS all clusters of a JVM share one self-signed certificate (an EC P-256 key, valid for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}), made on first use: generating an RSA key per start, as
 * fabric8's mock web server does, costs up to seconds of CPU on a loaded machine. The first HTTPS start of a JVM
 * also completes one TLS handshake with its own server before it returns, so that initialising the JVM's TLS stack
 * (seconds on a cold, loaded JVM) is paid by {@code start()}, which has no deadline, and not by the first request
 * of a client, which has one.
 */
final class ClusterServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicBoolean TLS_WARM = new AtomicBoolean();

    private final Vertx vertx;
    private final HttpServer server;
    private final String url;

    private ClusterServer(Vertx vertx, HttpServer server, String url) {
        this.vertx = vertx;
        this.server = server;
        this.url = url;
    }

    /** Starts a server on loopback and a free port; the handler answers every request. */
    static ClusterServer start(Handler<HttpServerRequest> handler, boolean https) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        String host = loopback.getHostAddress();
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(0)
                .setWebSocketSubProtocols(List.of("v4.channel.k8s.io", "v3.channel.k8s.io", "v2.channel.k8s.io",
                        "channel.k8s.io"))
                .setHandle100ContinueAutomatically(true).setHttp2ClearTextEnabled(false);
        if (https) {
            options.setSsl(true).setUseAlpn(true).setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1))
                    .setKeyCertOptions(Tls.KEY_CERT);
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        try {
            HttpServer server = await(vertx.createHttpServer(options).requestHandler(handler).listen());
            if (https && TLS_WARM.compareAndSet(false, true)) {
                Tls.handshake(loopback, server.actualPort());
            }
            String hostInUrl = host.contains(":") ? "[" + host + "]" : host;
            return new ClusterServer(vertx, server, (https ? "https://" : "http://") + hostInUrl + ":"
                    + server.actualPort());
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    Vertx vertx() {
        return vertx;
    }

    String url() {
        return url;
    }

    /** Closes the server, its connections and its threads. */
    void stop() {
        try {
            await(server.close());
        } finally {
            await(vertx.close());
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping the simulated API server", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the simulated API server could not start or stop: " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the simulated API server did not start or stop within "
                    + START_TIMEOUT);
        }
    }

    /** The JVM's one self-signed server certificate, made when the first HTTPS cluster starts. */
    private static final class Tls {
        private record Material(X509Certificate certificate, KeyCertOptions keyCert) {
        }

        private static final Material MATERIAL = create();
        static final X509Certificate CERTIFICATE = MATERIAL.certificate();
        static final KeyCertOptions KEY_CERT = MATERIAL.keyCert();

        /** Completes one TLS handshake with the server, trusting only the shared certificate. */
        static void handshake(InetAddress host, int port) {
            try {
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                trusted.setCertificateEntry("server", CERTIFICATE);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
                    socket.setSoTimeout((int) START_TIMEOUT.toMillis());
                    socket.startHandshake();
                }
            } catch (Exception e) {
                throw new IllegalStateException("the simulated API server does not complete a TLS handshake: " + e,
                        e);
            }
        }

        private static Material create() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair keys = generator.generateKeyPair();
                X500Name name = new X500Name("CN=localhost, O=Kubefluent simulated cluster");
                Instant now = Instant.now();
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                        BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                        Date.from(now.plus(3650, ChronoUnit.DAYS)), name, keys.getPublic());
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")}));
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
                char[] password = "simulated".toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("server", keys.getPrivate(), password, new Certificate[] {certificate});
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, password);
                return new Material(certificate, KeyCertOptions.wrap(factory));
            } catch (Exception e) {
                throw new IllegalStateException("could not make the simulated cluster's self-signed certificate", e);
            }
        }
    }
}
