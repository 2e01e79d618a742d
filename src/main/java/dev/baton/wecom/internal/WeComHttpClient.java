package dev.baton.wecom.internal;

import java.io.IOException;
import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client every WxJava service of Baton uses, with Baton's timeouts ({@code baton.wecom.http.*}) in
 * place of WxJava's process-wide default builder, whose pool waits for a free connection without limit. Apache's
 * own retries are off: {@link WeComCalls} decides what is asked again. Proxy settings are not supported (Baton's
 * WxJava configurations set none).
 */
@Component
@EnableConfigurationProperties(WeComHttpProperties.class)
class WeComHttpClient implements ApacheHttpClientBuilder, DisposableBean {

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    WeComHttpClient(WeComHttpProperties properties) {
        int connect = Math.toIntExact(properties.connectTimeout().toMillis());
        int read = Math.toIntExact(properties.readTimeout().toMillis());
        this.pool = new PoolingHttpClientConnectionManager();
        this.pool.setMaxTotal(50);
        this.pool.setDefaultMaxPerRoute(20);
        this.client = HttpClients.custom()
                .setConnectionManager(this.pool)
                // WxJava closes the client after fetching an access token (try-with-resources): a shared pool
                // survives that, as it does with WxJava's own default builder
                .setConnectionManagerShared(true)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connect)
                        .setConnectionRequestTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .disableAutomaticRetries()
                .useSystemProperties()
                .build();
    }

    @Override
    public CloseableHttpClient build() {
        return this.client;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyHost(String host) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int port) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String username) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String password) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        return this;
    }

    @Override
    public void destroy() throws IOException {
        this.client.close();
        this.pool.close();
    }
}
