import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The leanest JVM reverse proxy: the gateway's own HTTP stack (Vert.x core and Netty, from the gateway's
 * packaged libraries) with nothing else — no token, rate limit, access log or span. A measurement instrument of
 * bench/floors.sh (`java -cp <gateway's jars> bench/FloorProxy.java PORT UPSTREAM-PORT`), not a component.
 */
public class FloorProxy {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(32));
        vertx.createHttpServer().requestHandler(in -> {
            in.pause();
            client.request(new RequestOptions().setMethod(in.method()).setHost("localhost").setPort(upstream)
                    .setURI(in.uri()))
                    .compose(out -> {
                        out.headers().addAll(in.headers());
                        return out.send(in);
                    })
                    .onSuccess(answer -> {
                        in.response().setStatusCode(answer.statusCode());
                        in.response().headers().addAll(answer.headers());
                        answer.pipeTo(in.response());
                    })
                    .onFailure(e -> in.response().setStatusCode(502).end());
        }).listen(port).onSuccess(s -> System.out.println("floor proxy listening on " + port));
    }
}
