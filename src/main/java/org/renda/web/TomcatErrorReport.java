package org.renda.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The answers Tomcat gives by itself, before any of Renda's code runs (a {@code %00} or other refused character in
 * the path, an over-long request line): a problem detail under /api and a short Chinese page elsewhere, instead of
 * Tomcat's English "HTTP Status 400 – Bad Request" page. Everything that reaches Spring keeps its own handlers.
 */
public class TomcatErrorReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String uri = String.valueOf(request.getCoyoteRequest().requestURI());
        String detail = status == 400 ? "请求地址或请求头无效，无法处理。" : "请求无法处理（" + status + "）。";
        try {
            response.setCharacterEncoding("UTF-8");
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (uri.startsWith("/api/")) {
                response.setContentType("application/problem+json");
                out.write("{\"type\":\"about:blank\",\"title\":\"" + (status == 400 ? "Bad Request" : "Error")
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
            } else {
                response.setContentType("text/html");
                out.write("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>无法处理的请求</title>"
                        + "</head><body><h1>无法处理的请求</h1><p>" + detail
                        + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is closed: nothing more to say
        }
    }

    @Configuration
    static class Installation {

        /**
         * Puts this valve where the host's error report valve stands. Spring Boot adds a plain one from a context
         * customizer, so the swap waits until the host starts, when every customizer has run.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorReport() {
            return factory -> factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        for (Valve v : host.getPipeline().getValves()) {
                            if (v instanceof ErrorReportValve && !(v instanceof TomcatErrorReport)) {
                                host.getPipeline().removeValve(v);
                            }
                        }
                        if (host instanceof StandardHost standard) {
                            standard.setErrorReportValveClass(TomcatErrorReport.class.getName());
                        }
                        host.getPipeline().addValve(new TomcatErrorReport());
                    }
                });
            });
        }
    }
}
