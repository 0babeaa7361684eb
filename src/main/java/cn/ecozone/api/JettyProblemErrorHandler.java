package cn.ecozone.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Requests Jetty refuses before they reach Javalin (ambiguous encoded paths such as {@code %2F} or {@code %00},
 * malformed headers) get problem JSON like every other error, not Jetty's HTML page.
 */
final class JettyProblemErrorHandler extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE + ";charset=utf-8"));
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(ProblemResponses.CONTENT_TYPE + ";charset=utf-8");
        Object message = request.getAttribute("jakarta.servlet.error.message");
        response.getOutputStream().write(body(response.getStatus(), message == null ? null : message.toString()).getBytes(StandardCharsets.UTF_8));
    }

    private static String body(int status, String reason) {
        String detail = "请求格式无效（如路径中含编码的 / 或控制字符）/ malformed request" + (reason == null ? "" : ": " + reason);
        return "{\"type\":\"about:blank\",\"title\":\"请求有误 Bad request\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
