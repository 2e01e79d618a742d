package dev.baton.wecom.internal;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;

/**
 * WxJava's service without its retry loop, which sleeps on the caller's thread and replaces WeCom's own error
 * with "微信服务端异常，超出重试次数" once it gives up. Baton's delivery worker retries with backoff itself and
 * records WeCom's answer verbatim. An expired access token is still refreshed and the call repeated once.
 */
class SingleTryWxCpService extends WxCpServiceImpl {

    @Override
    public <T, E> T execute(RequestExecutor<T, E> executor, String uri, E data) throws WxErrorException {
        return executeInternal(executor, uri, data, false);
    }
}
