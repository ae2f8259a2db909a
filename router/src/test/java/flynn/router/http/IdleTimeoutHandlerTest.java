package flynn.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleTimeoutHandlerTest {
  private final List<Object> events = new ArrayList<>();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new IdleTimeoutHandler(TimeUnit.SECONDS.toMillis(60)),
          new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
              events.add(evt);
            }
          });

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  @Test
  void aConnectionWithoutReadsOrWritesIsIdleAtTheTimeout() {
    elapse(59);
    assertThat(events).isEmpty();

    elapse(2);
    assertThat(events).containsExactly(IdleStateEvent.ALL_IDLE_STATE_EVENT);
  }

  @Test
  void aReadRestartsTheClock() {
    elapse(50);
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'G'}));
    elapse(50);
    assertThat(events).as("50 s since the read").isEmpty();

    elapse(11);
    assertThat(events).containsExactly(IdleStateEvent.ALL_IDLE_STATE_EVENT);
  }

  @Test
  void aWriteRestartsTheClock() {
    elapse(50);
    channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {'H'}));
    elapse(50);
    assertThat(events).as("50 s since the write").isEmpty();

    elapse(11);
    assertThat(events).hasSize(1);
  }

  @Test
  void anIdleConnectionIsReportedAgainAfterAnotherTimeout() {
    elapse(61);
    elapse(60);
    assertThat(events).hasSize(2);
  }

  private void elapse(long seconds) {
    channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
  }
}
