package cn.fupin.ledger.ops.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC's part of the web edge: the objections' rate limit, applied once Spring has routed a request. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ObjectionRateLimitInterceptor objectionRateLimit;

    WebConfiguration(ObjectionRateLimitInterceptor objectionRateLimit) {
        this.objectionRateLimit = objectionRateLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(objectionRateLimit);
    }
}
