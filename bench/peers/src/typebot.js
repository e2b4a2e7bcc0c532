// Typebot's bubble, as its docs show (the web build, which defines its custom elements).
// apiHost is the bench's loopback server, which knows no such bot.
import Typebot from '@typebot.io/js/web';

Typebot.initBubble({ typebot: 'bench-bot', apiHost: window.BENCH_ORIGIN, theme: { button: { backgroundColor: '#1f5fd1' } } });
