package flynn.router.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

class ForwardedProtoHttpsTest {
  @Test
  void requestsAreMarkedHttpsWhateverTheClientClaimed() {
    var channel = new EmbeddedChannel(new ForwardedProtoHttps());
    var request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    request.headers().set(ForwardedProtoHttps.HEADER, "http");

    channel.writeInbound(request, LastHttpContent.EMPTY_LAST_CONTENT);

    HttpRequest passed = channel.readInbound();
    assertThat(passed.headers().getAll(ForwardedProtoHttps.HEADER)).containsExactly("https");
    Object last = channel.readInbound();
    assertThat(last).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }
}
