// Papercups' React chat widget (React 17), rendered into its own element as its docs show.
// Its chat window is an iframe served from a remote host, which the bench blocks and counts.
import { ChatWidget } from '@papercups-io/chat-widget';
import { createElement } from 'react';
import { render } from 'react-dom';

const mount = document.createElement('div');
document.body.append(mount);
render(
  createElement(ChatWidget, {
    accountId: '00000000-0000-4000-8000-000000000000',
    title: 'Welcome',
    subtitle: 'Ask us anything in the chat window below',
    primaryColor: '#1f5fd1',
    greeting: 'Hi there! How can I help you?',
    newMessagePlaceholder: 'Start typing...',
    showAgentAvailability: false,
    baseUrl: window.BENCH_ORIGIN,
  }),
  mount,
);
